using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Where the web channel hands a person's message: the conversation engine in the host.</summary>
public interface IWebInboundHandler
{
    Task HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
