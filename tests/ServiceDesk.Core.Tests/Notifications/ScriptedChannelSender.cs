using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Core.Tests.Notifications;

/// <summary>
/// A chat API that fails as scripted (per call: an exception, or null for success) and records what it delivered.
/// Thread-safe, so two dispatchers may share it.
/// </summary>
public sealed class ScriptedChannelSender(string channel = "web") : IChannelSender
{
    private readonly Queue<Func<OutboundMessage, Exception?>> _script = new();
    private readonly Lock _lock = new();

    public string Channel { get; } = channel;

    public List<OutboundMessage> Delivered { get; } = [];

    public int Calls { get; private set; }

    /// <summary>Fails conversation-specific calls: when set, decides per message (after the script is used up).</summary>
    public Func<OutboundMessage, Exception?>? Rule { get; set; }

    public ScriptedChannelSender Then(int times, Func<Exception?> outcome)
    {
        for (var i = 0; i < times; i++)
            _script.Enqueue(_ => outcome());
        return this;
    }

    public static ChannelDeliveryException ServerError() => new("HTTP 500 Internal Server Error", permanent: false);

    public static ChannelDeliveryException TooManyRequests(TimeSpan retryAfter) => new("HTTP 429 Too Many Requests", permanent: false, retryAfter);

    /// <summary>A 429 that is one chat's flood limit (as Telegram's sender reports it).</summary>
    public static ChannelDeliveryException ChatFloodLimit(TimeSpan retryAfter) =>
        new("HTTP 429 Too Many Requests", permanent: false, retryAfter) { ConversationOnly = true };

    public Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls++;
            var failure = _script.Count > 0 ? _script.Dequeue()(message) : Rule?.Invoke(message);
            if (failure is not null)
                throw failure;
            Delivered.Add(message);
        }
        return Task.FromResult(new DeliveryResult($"m{Delivered.Count}"));
    }
}
