namespace ServiceDesk.Core.Tickets;

/// <summary>The kinds of history entries; stable strings kept in the store.</summary>
public static class TicketEventKinds
{
    public const string Created = "created";
    public const string Claimed = "claimed";
    public const string Assigned = "assigned";
    public const string Escalated = "escalated";
    public const string Asked = "asked";
    public const string UserReplied = "user_replied";
    public const string Resolved = "resolved";
    public const string Confirmed = "confirmed";
    public const string AutoClosed = "auto_closed";
    public const string Reopened = "reopened";
    public const string Cancelled = "cancelled";
    public const string Reply = "reply";
    public const string Note = "note";
    public const string Comment = "comment";
    public const string PriorityChanged = "priority_changed";
    public const string Rated = "rated";
    public const string Attachment = "attachment";
    /// <summary>The requester's personal data was erased (GDPR art. 17); the event itself names nobody.</summary>
    public const string PersonalDataErased = "personal_data_erased";
}
