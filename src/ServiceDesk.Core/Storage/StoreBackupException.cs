namespace ServiceDesk.Core.Storage;

/// <summary>A backup that was not made, with the reason for the administrator.</summary>
public sealed class StoreBackupException(string message) : Exception(message);
