using ServiceDesk.Core.Conversations;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// A handler that saves a person's message in one transaction with the turn it starts: <paramref name="alongside"/>
/// (the web room's copy of the message) must take part in the turn's save.
/// </summary>
public interface IWebTurnHandler : IWebInboundHandler
{
    Task HandleAsync(InboundMessage message, ISaveParticipant alongside, CancellationToken cancellationToken);
}
