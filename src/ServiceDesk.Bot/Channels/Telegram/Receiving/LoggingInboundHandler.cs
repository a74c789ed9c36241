using Microsoft.Extensions.Logging;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Used only when no conversation engine is registered: says so instead of failing silently.</summary>
public sealed class LoggingInboundHandler(ILogger<LoggingInboundHandler> log) : ITelegramInboundHandler
{
    public Task HandleAsync(InboundMessage message, CancellationToken ct)
    {
        log.LogWarning("Telegram message {MessageId} received but no conversation engine is registered", message.MessageId);
        return Task.CompletedTask;
    }
}
