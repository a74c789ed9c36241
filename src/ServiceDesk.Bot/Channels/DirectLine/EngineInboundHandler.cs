using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Hands web messages to the conversation engine, which saves the turn and delivers the replies.</summary>
public sealed class EngineInboundHandler(ConversationEngine engine) : IWebTurnHandler
{
    public Task HandleAsync(InboundMessage message, CancellationToken cancellationToken) => engine.HandleAsync(message, cancellationToken);

    public Task HandleAsync(InboundMessage message, ISaveParticipant alongside, CancellationToken cancellationToken) =>
        engine.HandleAsync(message, cancellationToken, alongside);
}
