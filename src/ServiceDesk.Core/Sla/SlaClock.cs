namespace ServiceDesk.Core.Sla;

/// <summary>
/// Pure SLA arithmetic over the configured policies: targets at creation, pause while waiting for the user,
/// stop at resolution, resume on reopen (the due instant moves by the paused business time), and recompute on
/// a priority change (business time already used is kept; the new target applies). Every operation takes the
/// instant it happens at; nothing reads the wall clock.
/// </summary>
public sealed class SlaClock(SlaPolicyCatalog policies)
{
    public SlaPolicyCatalog Policies { get; } = policies;

    public SlaState Start(string priority, DateTimeOffset at)
    {
        var policy = Policies.For(priority);
        return new SlaState(
            policy.Priority,
            Run(new SlaTrack(SlaTargetKind.FirstResponse, policy.FirstResponse, policy.Calendar.Name, TimeSpan.Zero, null, null, null), at),
            Run(new SlaTrack(SlaTargetKind.Resolution, policy.Resolution, policy.Calendar.Name, TimeSpan.Zero, null, null, null), at),
            Paused: false);
    }

    /// <summary>Waiting for the user: both clocks stop counting.</summary>
    public SlaState Pause(SlaState state, DateTimeOffset at) =>
        state.Paused ? state : state with { FirstResponse = Halt(state.FirstResponse, at), Resolution = Halt(state.Resolution, at), Paused = true };

    /// <summary>The user answered: clocks that are not met run again, due later by the paused business time.</summary>
    public SlaState Resume(SlaState state, DateTimeOffset at) =>
        !state.Paused ? state : state with { FirstResponse = RunUnlessMet(state.FirstResponse, at), Resolution = RunUnlessMet(state.Resolution, at), Paused = false };

    /// <summary>The first public reply or claim: the first-response target is met (once).</summary>
    public SlaState RespondFirst(SlaState state, DateTimeOffset at) =>
        state.FirstResponse.IsMet ? state : state with { FirstResponse = Halt(state.FirstResponse, at) with { MetAt = at } };

    /// <summary>Resolved: the resolution clock stops (and a resolution is a response, if none came before).</summary>
    public SlaState Resolve(SlaState state, DateTimeOffset at)
    {
        state = RespondFirst(state, at);
        return state.Resolution.IsMet ? state : state with { Resolution = Halt(state.Resolution, at) with { MetAt = at } };
    }

    /// <summary>Reopened: the resolution clock resumes from the business time it had used.</summary>
    public SlaState Reopen(SlaState state, DateTimeOffset at) =>
        state with { Resolution = Run(state.Resolution with { MetAt = null }, at), Paused = false };

    /// <summary>New priority: unmet targets take the new policy's values and calendar; used business time is kept.</summary>
    public SlaState ChangePriority(SlaState state, string priority, DateTimeOffset at)
    {
        var policy = Policies.For(priority);
        SlaTrack Apply(SlaTrack t)
        {
            if (t.IsMet)
                return t;
            var wasRunning = t.IsRunning;
            var halted = Halt(t, at) with { Target = policy.TargetFor(t.Kind), Calendar = policy.Calendar.Name };
            return wasRunning ? Run(halted, at) : halted;
        }
        return state with { Priority = policy.Priority, FirstResponse = Apply(state.FirstResponse), Resolution = Apply(state.Resolution) };
    }

    /// <summary>Business time used so far.</summary>
    public TimeSpan Elapsed(SlaTrack track, DateTimeOffset now) =>
        track.Consumed + (track.RunningSince is { } since ? Policies.Calendar(track.Calendar).Between(since, now) : TimeSpan.Zero);

    /// <summary>Business time left (negative once breached).</summary>
    public TimeSpan Remaining(SlaTrack track, DateTimeOffset now) => track.Target - Elapsed(track, now);

    /// <summary>
    /// The warnings and the breach still ahead for running clocks (a warning whose moment passed while the clock
    /// was stopped is due at once). Paused and met clocks have none.
    /// </summary>
    public IEnumerable<SlaMilestone> Milestones(SlaState state)
    {
        foreach (var track in new[] { state.FirstResponse, state.Resolution })
        {
            if (track.RunningSince is not { } since || track.IsMet)
                continue;
            var calendar = Policies.Calendar(track.Calendar);
            foreach (var f in Policies.WarnAt)
            {
                var at = track.Target * f - track.Consumed;
                yield return new SlaMilestone(track.Kind, f, at <= TimeSpan.Zero ? since : calendar.Add(since, at));
            }
            yield return new SlaMilestone(track.Kind, 1, track.DueAt!.Value);
        }
    }

    private SlaTrack Halt(SlaTrack t, DateTimeOffset at) =>
        t.RunningSince is null ? t : t with { Consumed = Elapsed(t, at), RunningSince = null, DueAt = null };

    private SlaTrack RunUnlessMet(SlaTrack t, DateTimeOffset at) => t.IsMet ? t : Run(t, at);

    private SlaTrack Run(SlaTrack t, DateTimeOffset at)
    {
        t = Halt(t, at);
        var remaining = t.Target - t.Consumed;
        var due = remaining <= TimeSpan.Zero ? at : Policies.Calendar(t.Calendar).Add(at, remaining);
        return t with { RunningSince = at, DueAt = due };
    }
}
