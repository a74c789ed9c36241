using Microsoft.Extensions.Options;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>The shared rooms (team and managers' channels); every other room is one person's private chat.</summary>
public sealed class WebRooms(IOptions<WebChatOptions> options)
{
    private readonly HashSet<string> _shared = new(options.Value.Rooms, StringComparer.OrdinalIgnoreCase);

    public bool IsShared(string room) => _shared.Contains(room);

    /// <summary>The canonical spelling of a shared room, or null when it is not one.</summary>
    public string? Find(string room) => _shared.TryGetValue(room, out var found) ? found : null;
}
