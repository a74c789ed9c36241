namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>The built-in web chat and its Direct Line 3.0 endpoints, bound to <c>Channels:WebChat</c>.</summary>
public sealed class WebChatOptions
{
    public const string Section = "Channels:WebChat";

    /// <summary>Serves <c>/v3/directline</c> and the built-in page at <c>/</c>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// When set, every request needs this secret or a conversation token made from it. When empty the
    /// channel runs open and answers loopback clients only.
    /// </summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>How long a conversation token is valid (Direct Line's <c>expires_in</c>); clients refresh before.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest request body accepted; larger ones get 413.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Most activities returned by one GET activities (the client asks again with the new watermark).</summary>
    public int MaxActivitiesPerRead { get; set; } = 200;

    /// <summary>Longest accepted message text, in characters.</summary>
    public int MaxTextLength { get; set; } = 8000;

    /// <summary>
    /// Shared rooms (team and managers' channels) a client may open a conversation for; their addresses are
    /// <c>web:&lt;room&gt;</c>. A person's private chat is the room named after their user id.
    /// </summary>
    public List<string> Rooms { get; set; } = ["l1-team", "l2-team", "l3-team", "managers"];

    /// <summary>How bot buttons are drawn: <c>Card</c> (a hero card, stays clickable) or <c>SuggestedActions</c>.</summary>
    public WebChatButtonStyle ButtonStyle { get; set; } = WebChatButtonStyle.Card;

    /// <summary>The bot's account id in activities.</summary>
    public string BotId { get; set; } = "servicedesk";

    public string BotName { get; set; } = "Service Desk";

    /// <summary>How often an open WebSocket re-reads the store when no local append woke it (other replicas).</summary>
    public TimeSpan StreamPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}

public enum WebChatButtonStyle
{
    Card,
    SuggestedActions,
}
