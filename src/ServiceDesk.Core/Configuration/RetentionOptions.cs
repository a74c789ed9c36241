namespace ServiceDesk.Core.Configuration;

/// <summary>
/// How long the store keeps the records that only serve a while (<c>ServiceDesk:Retention</c>); tickets, their history,
/// people and the knowledge base are never pruned. A zero duration keeps that kind forever.
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>How often the store is pruned.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Ids of handled messages (the guard against redelivery): at least a day, Telegram redelivers for 24 hours.</summary>
    public TimeSpan ProcessedMessages { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Delivered outbox messages (parked ones stay until an administrator acts on them).</summary>
    public TimeSpan SentOutbox { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Web chat rooms' activities (a room's newest one stays, so its watermarks go on counting).</summary>
    public TimeSpan WebTranscripts { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Web chat (Direct Line) conversations, from when they started: a client that comes back with an older conversation
    /// id is told it is unknown and starts a new one (its room and history stay).
    /// </summary>
    public TimeSpan ChannelSessions { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// The values behind buttons too long for a channel's button data (Telegram's 64 bytes), from when the button was
    /// last sent: an older button answers that it has expired.
    /// </summary>
    public TimeSpan ChannelButtons { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Closed and cancelled tickets, from when they closed: past it a ticket keeps its numbers for the reports, but its
    /// requester becomes a pseudonym and its texts are erased (as when a person is forgotten). 0 (the default) keeps
    /// them; otherwise at least a day and longer than <see cref="ServiceDeskOptions.ReopenWindowDays"/>.
    /// </summary>
    public TimeSpan ClosedTicketsPersonalData { get; set; } = TimeSpan.Zero;

    /// <summary>Rows deleted per statement: each delete is a short write, never a long lock.</summary>
    public int BatchSize { get; set; } = 2000;
}
