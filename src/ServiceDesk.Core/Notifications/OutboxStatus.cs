namespace ServiceDesk.Core.Notifications;

public enum OutboxStatus
{
    Pending,
    Sent,
    Parked,
}
