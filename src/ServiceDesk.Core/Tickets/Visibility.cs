namespace ServiceDesk.Core.Tickets;

/// <summary>Public entries are relayed to the requester; internal ones stay with the engineers.</summary>
public enum Visibility
{
    Public,
    Internal,
}
