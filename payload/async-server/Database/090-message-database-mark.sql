-- The mark: a message database says what it is, which partition of Microsoft Dynamics AX it serves (one message
-- database per partition) and which Async Server instances use it. CDX Setup lists the databases that carry it.
SET ANSI_NULLS ON;
SET QUOTED_IDENTIFIER ON;
GO

CREATE TABLE dbo.MessageDatabase (
    Singleton   bit           NOT NULL CONSTRAINT PK_MessageDatabase PRIMARY KEY CONSTRAINT CK_MessageDatabase_Singleton CHECK (Singleton = 1) DEFAULT (1),
    [Partition] nvarchar(64)  NULL, -- set when the first instance registers
    CreatedUtc  datetime2(3)  NOT NULL CONSTRAINT DF_MessageDatabase_CreatedUtc DEFAULT SYSUTCDATETIME()
);
GO

INSERT INTO dbo.MessageDatabase (Singleton) VALUES (1);
GO

CREATE TABLE dbo.MessageDatabaseInstance (
    InstanceName     nvarchar(400)  NOT NULL CONSTRAINT PK_MessageDatabaseInstance PRIMARY KEY, -- computer/website/application
    ConnectionServer nvarchar(300)  NOT NULL,
    RegisteredUtc    datetime2(3)   NOT NULL CONSTRAINT DF_MessageDatabaseInstance_RegisteredUtc DEFAULT SYSUTCDATETIME()
);
GO

EXEC sys.sp_addextendedproperty @name = N'CDX.MessageDatabase', @value = N'Commerce Data Exchange: Async Server message database';
GO

INSERT INTO dbo.SchemaVersion (Version, Description) VALUES (90, N'Message database mark');
GO
