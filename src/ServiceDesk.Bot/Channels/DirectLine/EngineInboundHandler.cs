using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Hands web messages to the conversation engine, which saves the turn and queues the replies in the outbox.</summary>
public sealed class EngineInboundHandler(ConversationEngine engine) : IWebInboundHandler
{
    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken) => engine.HandleAsync(message, cancellationToken);
}
