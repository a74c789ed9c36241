namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>What guards may look at besides the ticket: the time and the configured windows.</summary>
public sealed record LifecycleContext(DateTimeOffset Now, TimeSpan ReopenWindow);
