using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine;

/// <summary>
/// Stands in for the conversation engine: records every inbound message and answers in the same room through the
/// web channel sender, as the engine's outbox would: "got: &lt;text or action&gt;" with two buttons.
/// </summary>
public sealed class ScriptedBot(WebChannelSender sender) : IWebInboundHandler
{
    public ConcurrentQueue<InboundMessage> Received { get; } = new();

    public Func<InboundMessage, Exception?> Fail { get; set; } = _ => null;

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        Received.Enqueue(message);
        if (Fail(message) is { } error)
            throw error;
        await sender.SendAsync(new OutboundMessage
        {
            To = message.ReplyAddress,
            Text = $"got: {message.Action ?? message.Text}",
            Buttons = [new MessageButton("This solved it", "solved"), new MessageButton("Not that", "not that")],
        }, cancellationToken);
    }
}
