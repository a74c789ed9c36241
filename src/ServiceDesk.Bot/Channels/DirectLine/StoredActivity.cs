namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>One activity in a room's log: its position (the watermark after it) and its JSON.</summary>
public sealed record StoredActivity(long Sequence, string Json);
