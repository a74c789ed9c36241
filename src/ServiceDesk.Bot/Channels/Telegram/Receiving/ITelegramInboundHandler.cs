using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Where mapped Telegram messages go: the conversation engine in the running service.</summary>
public interface ITelegramInboundHandler
{
    Task HandleAsync(InboundMessage message, CancellationToken ct);
}
