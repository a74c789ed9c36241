using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Notifications;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Tests.Api;

/// <summary>Puts messages the dispatcher gave up on into a desk's outbox, as a long outage of a channel leaves them.</summary>
public static class ParkedMessages
{
    public static async Task<long> AddAsync(IServiceProvider services, string channel, string conversation, string error, string? ticket = "SD-7")
    {
        var message = new OutboundMessage { To = new ConversationAddress(channel, conversation), Text = "Your ticket SD-7 was resolved." };
        await using var db = await services.GetRequiredService<IDbContextFactory<ServiceDeskDbContext>>().CreateDbContextAsync();
        var row = new OutboxMessage
        {
            Channel = channel, ConversationId = conversation, TicketKey = ticket, CreatedAt = DateTimeOffset.UtcNow,
            NextAttemptAt = DateTimeOffset.UtcNow, Payload = JsonSerializer.Serialize(message, OutboundJson.Options),
            Status = OutboxStatus.Parked, Attempts = 12, LastError = error,
        };
        db.Outbox.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    /// <summary>Waits until no message is pending (the dispatcher polls every second) and returns the counts.</summary>
    public static async Task<OutboxCounts> SettledAsync(IServiceProvider services)
    {
        var outbox = services.GetRequiredService<OutboxAdministration>();
        for (var i = 0; i < 200; i++)
        {
            var counts = await outbox.CountsAsync(CancellationToken.None);
            if (counts.Pending == 0) return counts;
            await Task.Delay(50);
        }
        return await outbox.CountsAsync(CancellationToken.None);
    }
}
