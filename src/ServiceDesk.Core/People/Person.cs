using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.People;

/// <summary>A person the desk knows: their id, name, identities on channels and roles.</summary>
public sealed record Person(
    string Id,
    string Name,
    IReadOnlyList<string> Identities,
    SupportLine? EngineerLine,
    bool IsManager,
    bool IsLead,
    string? Language)
{
    public bool IsEngineer => EngineerLine is not null;

    public Actor AsActor(string channel) => new(Id, Name, channel, IsManager, IsManager ? EngineerLine ?? SupportLine.L3 : EngineerLine);
}
