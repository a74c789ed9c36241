using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Hands Telegram messages to the conversation engine (which dedupes by MessageId <c>update:&lt;id&gt;</c>).</summary>
public sealed class EngineInboundHandler(ConversationEngine engine) : ITelegramInboundHandler
{
    public async Task HandleAsync(InboundMessage message, CancellationToken ct) => await engine.HandleAsync(message, ct);
}
