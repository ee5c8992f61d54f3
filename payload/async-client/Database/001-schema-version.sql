-- Commerce Data Exchange: Async Client channel message database: schema version.
-- Each row is one version of this schema; the highest is the current one.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

IF OBJECT_ID(N'dbo.SchemaVersion', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.SchemaVersion (
        Version     int           NOT NULL CONSTRAINT PK_SchemaVersion PRIMARY KEY,
        Description nvarchar(256) NOT NULL,
        AppliedUtc  datetime2(3)  NOT NULL CONSTRAINT DF_SchemaVersion_AppliedUtc DEFAULT SYSUTCDATETIME()
    );
END
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (1, N'Schema version table');
GO
