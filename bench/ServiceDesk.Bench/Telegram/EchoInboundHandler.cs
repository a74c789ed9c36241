using ServiceDesk.Bot.Channels.Telegram.Receiving;
using ServiceDesk.Bot.Channels.Telegram.Sending;
using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bench.Telegram;

/// <summary>Echo through the real adapter path (map → process → render → rate limiter → sendMessage), no engine.</summary>
public sealed class EchoInboundHandler(TelegramChannelSender sender) : ITelegramInboundHandler
{
    public async Task HandleAsync(InboundMessage message, CancellationToken ct) =>
        await sender.SendAsync(new OutboundMessage { To = message.ReplyAddress, Text = message.Text ?? "" }, ct);
}
