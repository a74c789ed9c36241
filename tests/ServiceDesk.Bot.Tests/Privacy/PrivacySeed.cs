using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.People;
using ServiceDesk.Core.Storage;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Bot.Tests.Privacy;

/// <summary>Writes what a person leaves in a desk's store, as the channels would have, for the erasure tests.</summary>
public static class PrivacySeed
{
    public static async Task WithAsync(IServiceProvider services, Action<ServiceDeskDbContext> add)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        add(db);
        await db.SaveChangesAsync();
    }

    public static PersonProfile Profile(string personId, string channel, string conversation) =>
        new() { PersonId = personId, PrivateChannel = channel, PrivateConversationId = conversation, UpdatedAt = DateTimeOffset.UtcNow };

    public static ChannelStateEntry State(string channel, string key, string value = "1") =>
        new() { Channel = channel, Key = key, Value = value, UpdatedAt = DateTimeOffset.UtcNow };

    public static ChannelTranscriptEntry Activity(string room, long sequence, string payload) =>
        new() { Channel = "web", ConversationId = room, Sequence = sequence, Payload = payload, CreatedAt = DateTimeOffset.UtcNow };

    public static Ticket Ticket(int number, string requesterId, string channel, string conversation) => new()
    {
        Number = number, Key = $"SD-{number}", Title = "Printer jam", Description = "The printer jams", RequesterId = requesterId,
        RequesterName = "Emp Seven", OriginChannel = channel, OriginConversationId = conversation, CreatedAt = DateTimeOffset.UtcNow,
        UpdatedAt = DateTimeOffset.UtcNow,
    };

    public static async Task<List<string>> KeysAsync(IServiceProvider services, string channel)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        return await db.ChannelState.Where(e => e.Channel == channel).Select(e => e.Key).OrderBy(k => k).ToListAsync();
    }
}
