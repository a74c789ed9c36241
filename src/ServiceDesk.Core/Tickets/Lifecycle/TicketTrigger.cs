namespace ServiceDesk.Core.Tickets.Lifecycle;

/// <summary>Everything a person or the system can do to a ticket. Some change its state; the rest are guarded the same way.</summary>
public enum TicketTrigger
{
    Claim,
    Assign,
    Escalate,
    AskUser,
    UserReplied,
    Resolve,
    Confirm,
    AutoClose,
    Reopen,
    Cancel,
    Reply,
    Note,
    Comment,
    ChangePriority,
    Rate,
}
