/* Packages: the data files of a session, kept in the working folder; the database holds where they are
   and their checksum, not the data itself.
   (A line holding only the word GO inside this comment does not end the batch:
GO
   because sqlcmd, and CDX Setup, skip comments when they look for batch separators.) */
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE dbo.Package (
    PackageId   bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Package PRIMARY KEY,
    SessionId   bigint         NOT NULL CONSTRAINT FK_Package_Session REFERENCES dbo.[Session] (SessionId) ON DELETE CASCADE,
    FileName    nvarchar(260)  NOT NULL,
    SizeBytes   bigint         NOT NULL CONSTRAINT CK_Package_Size CHECK (SizeBytes >= 0),
    Sha256      char(64)       NOT NULL,
    [Sequence]  int            NOT NULL,
    CreatedUtc  datetime2(3)   NOT NULL CONSTRAINT DF_Package_CreatedUtc DEFAULT SYSUTCDATETIME(),
    CONSTRAINT UQ_Package_Session_Sequence UNIQUE (SessionId, [Sequence])
);
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (20, N'Packages');
GO
