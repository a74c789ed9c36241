using System.Collections.Concurrent;
using ServiceDesk.Bot.Channels.DirectLine;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Tests.Channels.DirectLine.EndToEnd;

/// <summary>
/// A test double with the shape of the intake conversation (KB suggestion → "Not that" → category → impact →
/// urgency → confirm → ticket key). It checks the browser harness and the web channel on their own; the real
/// intake is tested through the same harness against the real engine.
/// </summary>
public sealed class IntakeScriptBot(WebChannelSender sender) : IWebInboundHandler
{
    private static readonly (string Text, MessageButton[] Buttons)[] Steps =
    [
        ("This article may help: \"VPN: reconnect after a password change\"", [new("This solved it", "solved"), new("Not that", "not that")]),
        ("What is it about?", [new("Network and VPN", "network"), new("Hardware", "hardware")]),
        ("Who is affected?", [new("Only me", "low"), new("My whole team", "high")]),
        ("How urgent is it?", [new("It blocks my work", "high"), new("It can wait", "low")]),
        ("Summary: VPN, only you, blocks your work. Create the ticket?", [new("Yes, create it", "confirm"), new("Cancel", "cancel")]),
    ];

    private readonly ConcurrentDictionary<string, int> _step = new();
    private int _tickets;

    public async Task HandleAsync(InboundMessage message, CancellationToken cancellationToken)
    {
        var step = _step.AddOrUpdate(message.ConversationId, 0, (_, s) => s + 1);
        var reply = step < Steps.Length
            ? new OutboundMessage { To = message.ReplyAddress, Text = Steps[step].Text, Buttons = Steps[step].Buttons }
            : new OutboundMessage { To = message.ReplyAddress, Text = $"Ticket SD-{Interlocked.Increment(ref _tickets)} created. Priority P2; first response within 1 h." };
        await sender.SendAsync(reply, cancellationToken);
    }
}
