using System.Globalization;
using ServiceDesk.Core.Notifications;

namespace ServiceDesk.Bot.Cli.Outbox;

/// <summary>
/// <c>outbox</c> (counts), <c>outbox parked [limit]</c> (what the dispatcher gave up on, and why) and
/// <c>outbox retry &lt;id&gt;</c> (back in line once the channel is fixed), <c>outbox drop &lt;id&gt;</c> (not worth sending any more).
/// </summary>
public static class OutboxCommands
{
    public const string Usage = "Usage: outbox | outbox parked [limit 1-1000] | outbox retry <id> | outbox drop <id>";

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter stdout, TextWriter stderr)
    {
        var outbox = services.GetRequiredService<OutboxAdministration>();
        switch (args)
        {
            case []:
                var counts = await outbox.CountsAsync(CancellationToken.None);
                await stdout.WriteLineAsync($"Outbox: {counts.Pending:N0} pending, {counts.Sent:N0} sent, {counts.Parked:N0} parked");
                return 0;
            case ["parked"]:
                return await ParkedAsync(outbox, 50, stdout);
            case ["parked", var limit] when int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var take) && take is >= 1 and <= 1000:
                return await ParkedAsync(outbox, take, stdout);
            case ["retry", var id] when IsId(id, out var messageId):
                return await OnParkedAsync(outbox.RetryAsync(messageId, CancellationToken.None), messageId, "is back in line", stdout, stderr);
            case ["drop", var id] when IsId(id, out var messageId):
                return await OnParkedAsync(outbox.DropAsync(messageId, CancellationToken.None), messageId, "is dropped", stdout, stderr);
            default:
                await stderr.WriteLineAsync(Usage);
                return 1;
        }
    }

    private static bool IsId(string text, out long id) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    private static async Task<int> OnParkedAsync(Task<bool> action, long id, string done, TextWriter stdout, TextWriter stderr)
    {
        if (await action)
        {
            await stdout.WriteLineAsync($"Outbox message {id} {done}.");
            return 0;
        }
        await stderr.WriteLineAsync($"There is no parked outbox message {id}.");
        return 1;
    }

    private static async Task<int> ParkedAsync(OutboxAdministration outbox, int take, TextWriter stdout)
    {
        var parked = await outbox.ParkedAsync(take, CancellationToken.None);
        if (parked.Count == 0)
            await stdout.WriteLineAsync("No parked messages.");
        foreach (var m in parked)
        {
            var ticket = m.TicketKey is null ? "" : $" {m.TicketKey}";
            await stdout.WriteLineAsync(
                $"#{m.Id} {m.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z {m.Channel}:{m.ConversationId}{ticket}, {m.Attempts} attempt(s): {m.LastError}");
        }
        return 0;
    }
}
