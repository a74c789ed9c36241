using Microsoft.EntityFrameworkCore;
using ServiceDesk.Bot.Channels.Telegram.Mapping;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.Telegram.State;

/// <summary>
/// The adapter's state in the service's store (table <c>channel_state</c>, channel <c>telegram</c>), so it survives
/// restarts and is shared by replicas. A chat marked unreachable also marks the person whose private chat it is.
/// </summary>
public sealed class DbTelegramStateStore(IDbContextFactory<ServiceDeskDbContext> dbFactory, TimeProvider clock)
    : KeyValueTelegramStateStore(FineStatusLifetime, clock)
{
    /// <summary>How long a chat status read as fine is trusted (another replica's change to it costs one failing Bot API call).</summary>
    public static readonly TimeSpan FineStatusLifetime = TimeSpan.FromSeconds(10);

    private const string Channel = TelegramUpdateMapper.ChannelName;

    protected override async Task<string?> GetAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChannelState.AsNoTracking().Where(e => e.Channel == Channel && e.Key == key).Select(e => e.Value).FirstOrDefaultAsync(ct);
    }

    protected override async Task<IReadOnlyDictionary<string, string>> GetManyAsync(IReadOnlyList<string> keys, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ChannelState.AsNoTracking().Where(e => e.Channel == Channel && keys.Contains(e.Key)).ToDictionaryAsync(e => e.Key, e => e.Value, ct);
    }

    protected override async Task SetAsync(string key, string value, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var entry = await db.ChannelState.FindAsync([Channel, key], ct);
            if (entry is null)
                db.ChannelState.Add(new ChannelStateEntry { Channel = Channel, Key = key, Value = value, UpdatedAt = Clock.GetUtcNow() });
            else
            {
                entry.Value = value;
                entry.UpdatedAt = Clock.GetUtcNow();
            }

            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another replica inserted the same key first: write again as an update.
            }
        }
    }

    /// <summary>One conditional write, so replicas sharing the store never both win (the polling claim).</summary>
    protected override async Task<bool> SwapAsync(string key, string? expected, string value, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Clock.GetUtcNow();
        if (expected is not null)
        {
            return await db.ExecuteWriteAsync(c => db.ChannelState.Where(e => e.Channel == Channel && e.Key == key && e.Value == expected)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Value, value).SetProperty(e => e.UpdatedAt, now), c), ct) == 1;
        }

        db.ChannelState.Add(new ChannelStateEntry { Channel = Channel, Key = key, Value = value, UpdatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            return false; // another replica inserted it first
        }
    }

    protected override async Task RemoveAsync(string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ExecuteWriteAsync(c => db.ChannelState.Where(e => e.Channel == Channel && e.Key == key).ExecuteDeleteAsync(c), ct);
    }

    protected override async Task<IReadOnlyList<KeyValuePair<string, string>>> ListAsync(string prefix, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.ChannelState.AsNoTracking().Where(e => e.Channel == Channel && e.Key.StartsWith(prefix))
            .Select(e => new { e.Key, e.Value }).ToListAsync(ct);
        return rows.Select(r => new KeyValuePair<string, string>(r.Key, r.Value)).ToList();
    }

    public override async Task SetUnreachableAsync(long chatId, bool unreachable, CancellationToken ct)
    {
        await base.SetUnreachableAsync(chatId, unreachable, ct);
        var conversation = chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ExecuteWriteAsync(c => db.Profiles.Where(p => p.PrivateChannel == Channel && p.PrivateConversationId == conversation)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.Unreachable, unreachable), c), ct);
    }
}
