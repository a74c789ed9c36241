namespace ServiceDesk.Core.Storage;

/// <summary>A channel adapter's persisted value (a poll offset, a platform message id for a card, a migrated chat id).</summary>
public sealed class ChannelStateEntry
{
    public required string Channel { get; set; }

    public required string Key { get; set; }

    public required string Value { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
