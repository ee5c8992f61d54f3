-- Sessions: one data transfer between headquarters and a channel (a download to a channel database, or an
-- upload from it), as the Retail scheduler starts it and Async Client works through it.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE dbo.[Session] (
    SessionId       bigint IDENTITY(1, 1) NOT NULL CONSTRAINT PK_Session PRIMARY KEY,
    Direction       char(1)        NOT NULL CONSTRAINT CK_Session_Direction CHECK (Direction IN ('D', 'U')), -- D: download, U: upload
    ChannelDatabase nvarchar(128)  NOT NULL,
    DataGroup       nvarchar(64)   NOT NULL,
    SchedulerJob    nvarchar(64)   NOT NULL,
    Status          tinyint        NOT NULL CONSTRAINT DF_Session_Status DEFAULT (0), -- 0 new, 1 available, 2 applied, 3 failed
    CreatedUtc      datetime2(3)   NOT NULL CONSTRAINT DF_Session_CreatedUtc DEFAULT SYSUTCDATETIME(),
    ModifiedUtc     datetime2(3)   NOT NULL CONSTRAINT DF_Session_ModifiedUtc DEFAULT SYSUTCDATETIME()
);
GO

-- Async Client asks "is anything new for my channel?": this index answers it.
CREATE INDEX IX_Session_Channel_Status ON dbo.[Session] (ChannelDatabase, Status) INCLUDE (Direction, DataGroup);
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (10, N'Sessions');
GO
