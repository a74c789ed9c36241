using Microsoft.Extensions.Options;
using ServiceDesk.Core.Configuration;
using ServiceDesk.Core.Tickets;

namespace ServiceDesk.Core.People;

/// <summary>
/// People and roles from configuration. A sender the configuration does not name is an employee whose person id is
/// their identity (<c>telegram:12345</c>).
/// </summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> _byIdentity = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Person> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly ServiceDeskOptions _options;

    public PeopleDirectory(IOptions<ServiceDeskOptions> options)
    {
        _options = options.Value;
        var lineOf = new Dictionary<string, SupportLine>(StringComparer.OrdinalIgnoreCase);
        var leads = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, line) in _options.Lines)
        {
            if (!Enum.TryParse<SupportLine>(name, true, out var l)) continue;
            foreach (var m in line.Members) lineOf[m] = lineOf.TryGetValue(m, out var prev) && prev > l ? prev : l;
            if (line.Lead is { } lead)
            {
                leads.Add(lead);
                if (!lineOf.ContainsKey(lead)) lineOf[lead] = l;
            }
        }
        var managers = new HashSet<string>(_options.Managers, StringComparer.OrdinalIgnoreCase);
        var keys = _options.People.Keys.Concat(lineOf.Keys).Concat(managers).Distinct(StringComparer.OrdinalIgnoreCase);
        foreach (var key in keys)
        {
            var named = _options.People.TryGetValue(key, out var p) ? p : null;
            var identities = named?.Identities.ToList() ?? [key];
            var person = new Person(
                key,
                named?.Name ?? (key.Contains(':') ? key[(key.IndexOf(':') + 1)..] : key),
                identities,
                lineOf.TryGetValue(key, out var l) ? l : null,
                managers.Contains(key),
                leads.Contains(key),
                named?.Language);
            _byId[key] = person;
            foreach (var i in identities) _byIdentity[i] = person;
        }
    }

    /// <summary>The person behind an identity; an unknown one is an employee.</summary>
    public Person Resolve(string identity, string? displayName) =>
        _byIdentity.TryGetValue(identity, out var p) ? p : new Person(identity, displayName ?? identity, [identity], null, false, false, null);

    /// <summary>Finds a person by id, identity or name (for <c>assign SD-12 @lena</c>).</summary>
    public Person? Find(string reference)
    {
        var r = reference.TrimStart('@');
        if (_byId.TryGetValue(r, out var p) || _byIdentity.TryGetValue(r, out p)) return p;
        return _byId.Values.FirstOrDefault(x => string.Equals(x.Name, r, StringComparison.OrdinalIgnoreCase));
    }

    public IEnumerable<Person> Managers => _byId.Values.Where(p => p.IsManager);

    public Person? LeadOf(SupportLine line) =>
        _options.Lines.TryGetValue(line.ToString(), out var l) && l.Lead is { } lead ? Find(lead) : null;

    /// <summary>The team channel of a line (<c>channel:conversation-id</c>), if configured.</summary>
    public string? TeamChannelOf(SupportLine line) =>
        _options.Lines.TryGetValue(line.ToString(), out var l) ? l.TeamChannel : null;

    public string? ManagersChannel => _options.ManagersChannel;

    /// <summary>The line whose team channel this conversation is, if any.</summary>
    public SupportLine? LineOfTeamChannel(string channel, string conversationId)
    {
        var address = $"{channel}:{conversationId}";
        foreach (var (name, l) in _options.Lines)
            if (string.Equals(l.TeamChannel, address, StringComparison.OrdinalIgnoreCase) && Enum.TryParse<SupportLine>(name, true, out var line))
                return line;
        return null;
    }
}
