namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>
/// The unreachable marks of a polled batch's chats, read once for the batch and kept current by the batch's own changes (a
/// chat that blocks the bot and writes again within one batch); chats not read are unknown and looked up one by one.
/// </summary>
public sealed class TelegramChatMarks
{
    private readonly Lock _gate = new();
    private readonly Dictionary<long, bool> _marks = [];

    public TelegramChatMarks(IEnumerable<long> known, IReadOnlySet<long> marked)
    {
        foreach (var chat in known)
            _marks[chat] = marked.Contains(chat);
    }

    /// <summary>Whether the chat is marked, or null when it was not read with the batch.</summary>
    public bool? Lookup(long chatId)
    {
        lock (_gate)
            return _marks.TryGetValue(chatId, out var marked) ? marked : null;
    }

    /// <summary>The batch changed the mark itself.</summary>
    public void Set(long chatId, bool marked)
    {
        lock (_gate)
            _marks[chatId] = marked;
    }
}
