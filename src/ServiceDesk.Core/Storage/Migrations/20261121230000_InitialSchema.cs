using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace ServiceDesk.Core.Storage.Migrations;

/// <summary>Schema version 1: tickets and their history, conversations, inbound dedupe, outbox, channel state.</summary>
[DbContext(typeof(ServiceDeskDbContext))]
[Migration("20261121230000_InitialSchema")]
public sealed class InitialSchema : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateTable("tickets", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            Number = t.Column<int>(nullable: false),
            Key = t.Column<string>(maxLength: 32, nullable: false),
            Type = t.Column<string>(maxLength: 32, nullable: false),
            Title = t.Column<string>(maxLength: 200, nullable: false),
            Description = t.Column<string>(nullable: false),
            Category = t.Column<string>(nullable: true),
            Impact = t.Column<string>(maxLength: 32, nullable: false),
            Urgency = t.Column<string>(maxLength: 32, nullable: false),
            Priority = t.Column<string>(maxLength: 32, nullable: false),
            Line = t.Column<string>(maxLength: 32, nullable: false),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            AssigneeId = t.Column<string>(nullable: true),
            AssigneeName = t.Column<string>(nullable: true),
            RequesterId = t.Column<string>(nullable: false),
            RequesterName = t.Column<string>(nullable: false),
            OriginChannel = t.Column<string>(nullable: false),
            OriginConversationId = t.Column<string>(nullable: false),
            Language = t.Column<string>(nullable: false),
            Details = t.Column<string>(nullable: true),
            CreatedAt = t.Column<long>(nullable: false),
            UpdatedAt = t.Column<long>(nullable: false),
            FirstResponseAt = t.Column<long>(nullable: true),
            ResolvedAt = t.Column<long>(nullable: true),
            ClosedAt = t.Column<long>(nullable: true),
            Resolution = t.Column<string>(nullable: true),
            ResolvedByLine = t.Column<string>(maxLength: 32, nullable: true),
            WasEscalated = t.Column<bool>(nullable: false),
            ReopenCount = t.Column<int>(nullable: false),
            CsatScore = t.Column<int>(nullable: true),
            Version = t.Column<int>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_tickets", x => x.Id));
        m.CreateIndex("IX_tickets_Number", "tickets", "Number", unique: true);
        m.CreateIndex("IX_tickets_Key", "tickets", "Key", unique: true);
        m.CreateIndex("IX_tickets_Status_Line", "tickets", ["Status", "Line"]);
        m.CreateIndex("IX_tickets_RequesterId", "tickets", "RequesterId");
        m.CreateIndex("IX_tickets_AssigneeId", "tickets", "AssigneeId");

        m.CreateTable("ticket_events", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            TicketId = t.Column<long>(nullable: false),
            At = t.Column<long>(nullable: false),
            Kind = t.Column<string>(nullable: false),
            ActorId = t.Column<string>(nullable: false),
            ActorName = t.Column<string>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            FromStatus = t.Column<string>(maxLength: 32, nullable: true),
            ToStatus = t.Column<string>(maxLength: 32, nullable: true),
            Text = t.Column<string>(nullable: true),
            Visibility = t.Column<string>(maxLength: 32, nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ticket_events", x => x.Id);
            t.ForeignKey("FK_ticket_events_tickets_TicketId", x => x.TicketId, "tickets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ticket_events_TicketId_Id", "ticket_events", ["TicketId", "Id"]);
        m.CreateIndex("IX_ticket_events_Kind_At", "ticket_events", ["Kind", "At"]);

        m.CreateTable("ticket_attachments", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            TicketId = t.Column<long>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            FileId = t.Column<string>(nullable: false),
            FileName = t.Column<string>(nullable: true),
            ContentType = t.Column<string>(nullable: true),
            Size = t.Column<long>(nullable: true),
            AddedAt = t.Column<long>(nullable: false),
            AddedBy = t.Column<string>(nullable: false),
        }, constraints: t =>
        {
            t.PrimaryKey("PK_ticket_attachments", x => x.Id);
            t.ForeignKey("FK_ticket_attachments_tickets_TicketId", x => x.TicketId, "tickets", "Id", onDelete: ReferentialAction.Cascade);
        });
        m.CreateIndex("IX_ticket_attachments_TicketId", "ticket_attachments", "TicketId");

        m.CreateTable("ticket_threads", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            TicketId = t.Column<long>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            ConversationId = t.Column<string>(nullable: false),
            ThreadId = t.Column<string>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_ticket_threads", x => x.Id));
        m.CreateIndex("IX_ticket_threads_Channel_ConversationId_ThreadId", "ticket_threads", ["Channel", "ConversationId", "ThreadId"], unique: true);
        m.CreateIndex("IX_ticket_threads_TicketId", "ticket_threads", "TicketId");

        m.CreateTable("conversations", t => new
        {
            Id = t.Column<string>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            ConversationId = t.Column<string>(nullable: false),
            PersonId = t.Column<string>(nullable: false),
            Language = t.Column<string>(nullable: true),
            Dialog = t.Column<string>(nullable: true),
            Step = t.Column<string>(nullable: true),
            Data = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_conversations", x => x.Id));

        m.CreateTable("processed_messages", t => new
        {
            Channel = t.Column<string>(nullable: false),
            MessageId = t.Column<string>(nullable: false),
            ProcessedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_processed_messages", x => new { x.Channel, x.MessageId }));
        m.CreateIndex("IX_processed_messages_ProcessedAt", "processed_messages", "ProcessedAt");

        m.CreateTable("outbox", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            CreatedAt = t.Column<long>(nullable: false),
            Channel = t.Column<string>(nullable: false),
            ConversationId = t.Column<string>(nullable: false),
            ThreadId = t.Column<string>(nullable: true),
            TicketKey = t.Column<string>(nullable: true),
            Payload = t.Column<string>(nullable: false),
            Status = t.Column<string>(maxLength: 32, nullable: false),
            Attempts = t.Column<int>(nullable: false),
            NextAttemptAt = t.Column<long>(nullable: false),
            SentAt = t.Column<long>(nullable: true),
            LastError = t.Column<string>(nullable: true),
            LockedUntil = t.Column<long>(nullable: true),
            LockedBy = t.Column<string>(nullable: true),
        }, constraints: t => t.PrimaryKey("PK_outbox", x => x.Id));
        m.CreateIndex("IX_outbox_Status_NextAttemptAt", "outbox", ["Status", "NextAttemptAt"]);
        m.CreateIndex("IX_outbox_Channel_ConversationId_Status", "outbox", ["Channel", "ConversationId", "Status"]);

        m.CreateTable("person_profiles", t => new
        {
            PersonId = t.Column<string>(nullable: false),
            Language = t.Column<string>(nullable: true),
            PrivateChannel = t.Column<string>(nullable: true),
            PrivateConversationId = t.Column<string>(nullable: true),
            Unreachable = t.Column<bool>(nullable: false),
            UpdatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_person_profiles", x => x.PersonId));

        m.CreateTable("channel_state", t => new
        {
            Channel = t.Column<string>(nullable: false),
            Key = t.Column<string>(nullable: false),
            Value = t.Column<string>(nullable: false),
            UpdatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_channel_state", x => new { x.Channel, x.Key }));

        m.CreateTable("channel_transcripts", t => new
        {
            Id = t.Column<long>(nullable: false).Identity(),
            Channel = t.Column<string>(nullable: false),
            ConversationId = t.Column<string>(nullable: false),
            Sequence = t.Column<long>(nullable: false),
            Payload = t.Column<string>(nullable: false),
            CreatedAt = t.Column<long>(nullable: false),
        }, constraints: t => t.PrimaryKey("PK_channel_transcripts", x => x.Id));
        m.CreateIndex("IX_channel_transcripts_Channel_ConversationId_Sequence", "channel_transcripts", ["Channel", "ConversationId", "Sequence"], unique: true);
    }

    protected override void Down(MigrationBuilder m)
    {
        foreach (var table in new[] { "channel_transcripts", "channel_state", "person_profiles", "outbox", "processed_messages", "conversations", "ticket_threads", "ticket_attachments", "ticket_events", "tickets" })
            m.DropTable(table);
    }
}
