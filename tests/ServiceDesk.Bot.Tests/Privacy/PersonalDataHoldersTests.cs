using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Bot.Tests.Hosting;
using ServiceDesk.Core.Privacy;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Tests.Privacy;

/// <summary>The channel holders on SQLite; <see cref="PersonalDataHoldersPostgresTests"/> runs the same checks on PostgreSQL.</summary>
public sealed class PersonalDataHoldersTests
{
    [Fact]
    public async Task Telegram_state_when_a_person_is_forgotten_loses_their_chat_records_and_pending_updates_and_keeps_the_others()
    {
        await using var desk = new DeskFactory(); // Telegram off: its records from when it was on are still found
        await TelegramStateIsForgottenAsync(desk);
    }

    [Fact]
    public async Task Web_rooms_when_a_person_is_forgotten_lose_their_room_and_conversations_and_team_rooms_keep_their_watermarks_with_the_content_erased()
    {
        await using var desk = new DeskFactory();
        await WebRoomsAreForgottenAsync(desk);
    }

    internal static async Task TelegramStateIsForgottenAsync(DeskFactory desk)
    {
        desk.CreateClient();
        await PrivacySeed.WithAsync(desk.Services, db =>
        {
            db.Profiles.Add(PrivacySeed.Profile("telegram:12345", "telegram", "12345"));
            db.ChannelState.AddRange(
                PrivacySeed.State("telegram", "unreachable:12345"),
                PrivacySeed.State("telegram", "replace:12345:status-SD-3", "88"),
                PrivacySeed.State("telegram", "parts:12345:m-9", "1:90"),
                PrivacySeed.State("telegram", "inbox:501", """{"update_id":501,"message":{"message_id":9,"from":{"id":12345,"first_name":"Zed"},"chat":{"id":12345,"type":"private"},"text":"my secret words"}}"""),
                PrivacySeed.State("telegram", "inbox:502", """{"update_id":502,"message":{"message_id":10,"from":{"id":777,"first_name":"Amy"},"chat":{"id":777,"type":"private"},"text":"mention 12345"}}"""),
                PrivacySeed.State("telegram", "unreachable:777"),
                PrivacySeed.State("telegram", "replace:-100200:card-SD-3", "91"),
                PrivacySeed.State("telegram", "offset", "503"));
        });

        var result = await desk.Services.GetRequiredService<PersonErasure>().EraseAsync("telegram:12345", CancellationToken.None);

        Assert.Equal(4, result.Erased.ToDictionary()["channel_state (telegram)"]);
        Assert.Equal(["inbox:502", "offset", "replace:-100200:card-SD-3", "unreachable:777"], await PrivacySeed.KeysAsync(desk.Services, "telegram"));
        var again = await desk.Services.GetRequiredService<PersonErasure>().EraseAsync("telegram:12345", CancellationToken.None);
        Assert.True(again.NothingFound);
    }

    internal static async Task WebRoomsAreForgottenAsync(DeskFactory desk)
    {
        desk.CreateClient();
        await PrivacySeed.WithAsync(desk.Services, db =>
        {
            db.Profiles.Add(PrivacySeed.Profile("web:emp7", "web", "emp7"));
            db.Tickets.Add(PrivacySeed.Ticket(5, "web:emp7", "web", "emp7"));
            db.ChannelTranscripts.AddRange(
                PrivacySeed.Activity("emp7", 1, """{"type":"message","id":"emp7|0000001","from":{"id":"emp7","name":"Emp Seven","role":"user"},"text":"my printer jams"}"""),
                PrivacySeed.Activity("emp7", 2, """{"type":"message","id":"emp7|0000002","from":{"id":"servicedesk","role":"bot"},"text":"Ticket SD-5 is open"}"""),
                PrivacySeed.Activity("amy", 1, """{"type":"message","id":"amy|0000001","from":{"id":"amy","role":"user"},"text":"hello"}"""),
                PrivacySeed.Activity("l1-team", 1, """{"type":"message","id":"l1-team|0000001","from":{"id":"servicedesk","role":"bot"},"text":"SD-5 from Emp Seven: my printer jams","channelData":{"ticketKey":"SD-5"}}"""),
                PrivacySeed.Activity("l1-team", 2, """{"type":"message","id":"l1-team|0000002","from":{"id":"servicedesk","role":"bot"},"text":"SD-6 from Amy","channelData":{"ticketKey":"SD-6"}}"""));
            db.ChannelState.AddRange(
                PrivacySeed.State("web", "directline:conversation:c-emp7", """{"userId":"emp7","room":"emp7","baseSequence":0}"""),
                PrivacySeed.State("web", "directline:conversation:c-amy", """{"userId":"amy","room":"amy","baseSequence":0}"""));
            db.ProcessedMessages.AddRange(
                new ProcessedMessage { Channel = "web", MessageId = "emp7|0000001", ProcessedAt = DateTimeOffset.UtcNow },
                new ProcessedMessage { Channel = "web", MessageId = "amy|0000001", ProcessedAt = DateTimeOffset.UtcNow });
        });

        var result = (await desk.Services.GetRequiredService<PersonErasure>().EraseAsync("web:emp7", CancellationToken.None)).Erased.ToDictionary();

        Assert.Equal((2, 1, 1, 1), (result["channel_transcripts (web)"], result["channel_transcripts redacted (web)"], result["channel_state (web)"], result["processed_messages (web)"]));
        await using var db = await desk.Services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var left = await db.ChannelTranscripts.OrderBy(e => e.Id).Select(e => new { e.ConversationId, e.Sequence, e.Payload }).ToListAsync();
        Assert.Equal(["amy/1", "l1-team/1", "l1-team/2"], left.Select(e => $"{e.ConversationId}/{e.Sequence}"));
        Assert.DoesNotContain("Emp Seven", left[1].Payload);
        Assert.Contains("\"text\":\"[erased]\"", left[1].Payload);
        Assert.Contains("l1-team|0000001", left[1].Payload);
        Assert.Contains("SD-6 from Amy", left[2].Payload);
        Assert.Equal(["directline:conversation:c-amy"], await PrivacySeed.KeysAsync(desk.Services, "web"));
        Assert.Equal(["amy|0000001"], await db.ProcessedMessages.Select(p => p.MessageId).ToListAsync());
    }
}
