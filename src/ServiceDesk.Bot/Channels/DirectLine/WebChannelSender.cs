using ServiceDesk.Core.Conversations;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// Delivers outbound messages on the <c>web</c> channel: appends a bot activity to the room the address names
/// (a person's private chat <c>web:alice</c>, or a shared room <c>web:l1-team</c>), which every Direct Line
/// conversation open on that room then receives.
/// </summary>
public sealed class WebChannelSender(IDirectLineStore store, ActivityFactory factory, DirectLineSignals signals) : IChannelSender
{
    public string Channel => InboundActivityMapper.Channel;

    public async Task<DeliveryResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken)
    {
        if (!string.Equals(message.To.Channel, Channel, StringComparison.Ordinal))
            throw new ChannelDeliveryException($"The web channel cannot deliver to '{message.To}'.", permanent: true);
        var room = message.To.ConversationId;
        if (!DirectLineIds.IsValidAccountId(room))
            throw new ChannelDeliveryException($"'{room}' is not a valid web room id.", permanent: true);

        var stored = await store.AppendAsync(room, fromUser: false,
            (sequence, lastUser) => factory.BotMessage(message, DirectLineIds.ActivityId(room, sequence), room, lastUser),
            cancellationToken);
        signals.Notify(DirectLineSignals.RoomKey(room));
        return new DeliveryResult(DirectLineIds.ActivityId(room, stored.Sequence));
    }
}
