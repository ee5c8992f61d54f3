-- Status messages: what happened to a session, step by step, for the Retail scheduler's history and for support.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE dbo.StatusMessage (
    StatusMessageId bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_StatusMessage PRIMARY KEY,
    SessionId       bigint          NOT NULL CONSTRAINT FK_StatusMessage_Session REFERENCES dbo.[Session] (SessionId) ON DELETE CASCADE,
    Severity        tinyint         NOT NULL CONSTRAINT CK_StatusMessage_Severity CHECK (Severity IN (0, 1, 2)), -- info, warning, error
    Source          nvarchar(64)    NOT NULL, -- 'Async Server', 'Async Client', 'AOS'
    Message         nvarchar(2000)  NOT NULL,
    CreatedUtc      datetime2(3)    NOT NULL CONSTRAINT DF_StatusMessage_CreatedUtc DEFAULT SYSUTCDATETIME()
);
GO

CREATE INDEX IX_StatusMessage_Session ON dbo.StatusMessage (SessionId, CreatedUtc);
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (30, N'Status messages');
GO
