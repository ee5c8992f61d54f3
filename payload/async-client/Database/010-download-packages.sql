-- The data packages Async Client downloaded from Async Server and applies to the channel database.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

IF OBJECT_ID(N'dbo.DownloadPackage', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.DownloadPackage (
        PackageId     bigint         NOT NULL CONSTRAINT PK_DownloadPackage PRIMARY KEY,
        JobId         nvarchar(64)   NOT NULL,
        ReceivedUtc   datetime2(3)   NOT NULL CONSTRAINT DF_DownloadPackage_ReceivedUtc DEFAULT SYSUTCDATETIME(),
        AppliedUtc    datetime2(3)   NULL,
        Status        tinyint        NOT NULL CONSTRAINT DF_DownloadPackage_Status DEFAULT 0
    );
END
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (10, N'Download packages');
GO
