namespace ServiceDesk.Core.Notifications;

/// <summary>The channels registered as <see cref="IStoreDeliveredChannel"/>, by name.</summary>
public sealed class StoreDeliveredChannels(IEnumerable<IStoreDeliveredChannel> channels)
{
    private readonly Dictionary<string, IStoreDeliveredChannel> _byName = channels.ToDictionary(c => c.Channel, StringComparer.OrdinalIgnoreCase);

    public static StoreDeliveredChannels None { get; } = new([]);

    public IStoreDeliveredChannel? For(string channel) => _byName.GetValueOrDefault(channel);
}
