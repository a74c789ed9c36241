using System.Threading.Channels;
using ServiceDesk.Bot.Channels.Telegram.Api;

namespace ServiceDesk.Bot.Channels.Telegram.Receiving;

/// <summary>Updates the webhook has acknowledged and the worker has yet to process.</summary>
public sealed class TelegramWebhookQueue
{
    private readonly Channel<Update> _channel = Channel.CreateUnbounded<Update>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<Update> Reader => _channel.Reader;

    public bool TryEnqueue(Update update) => _channel.Writer.TryWrite(update);
}
