-- The transactions Async Client uploads from the channel database to Async Server.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

IF OBJECT_ID(N'dbo.UploadSession', N'U') IS NULL
BEGIN
    CREATE TABLE dbo.UploadSession (
        SessionId     bigint         NOT NULL CONSTRAINT PK_UploadSession PRIMARY KEY,
        StartedUtc    datetime2(3)   NOT NULL CONSTRAINT DF_UploadSession_StartedUtc DEFAULT SYSUTCDATETIME(),
        FinishedUtc   datetime2(3)   NULL,
        RowsUploaded  int            NOT NULL CONSTRAINT DF_UploadSession_Rows DEFAULT 0
    );
END
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (20, N'Upload sessions');
GO
