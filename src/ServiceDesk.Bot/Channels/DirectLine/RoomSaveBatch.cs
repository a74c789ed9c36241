using Microsoft.EntityFrameworkCore;
using ServiceDesk.Core.Storage;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>
/// The room appends of one save, which may come from several participants (a user's activity and the bot's replies
/// to it): the rooms' gates are taken once and held until the last of them hears the save's outcome; then the rooms'
/// ends move (or are re-read after a failure) and the gates are released.
/// </summary>
internal sealed class RoomSaveBatch(ServiceDeskDbContext db)
{
    private readonly Dictionary<string, RoomCursor> _held = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (List<StoredActivity> Added, string? LastUser)> _perRoom = new(StringComparer.Ordinal);
    private readonly List<ChannelTranscriptEntry> _rows = [];
    private int _open;
    private bool _failed;

    public bool IsHeld(string room) => _held.ContainsKey(room);

    /// <summary>A participant starts staging; each start is matched by one <see cref="Complete"/>.</summary>
    public void Open() => _open++;

    public async Task HoldAsync(string room, RoomCursor cursor, CancellationToken ct)
    {
        await cursor.Gate.WaitAsync(ct);
        _held[room] = cursor;
        if (!cursor.Loaded)
            await cursor.LoadAsync(db, room, ct);
        _perRoom[room] = ([], cursor.LastUserActivityId);
    }

    /// <summary>Numbers an append after the room's end (and after what this save added to it) and adds its row.</summary>
    public StoredActivity Add(RoomAppend append, DateTimeOffset now)
    {
        var (added, lastUser) = _perRoom[append.Room];
        var sequence = (added.Count > 0 ? added[^1].Sequence : _held[append.Room].LastSequence) + 1;
        var activity = new StoredActivity(sequence, append.Build(sequence, lastUser));
        added.Add(activity);
        if (append.FromUser)
            _perRoom[append.Room] = (added, DirectLineIds.ActivityId(append.Room, sequence));
        var row = new ChannelTranscriptEntry { Channel = InboundActivityMapper.Channel, ConversationId = append.Room, Sequence = sequence, Payload = activity.Json, CreatedAt = now };
        _rows.Add(row);
        db.ChannelTranscripts.Add(row);
        return activity;
    }

    /// <summary>One participant heard the outcome; returns true when it was the last (the batch is then finished).</summary>
    public bool Complete(bool committed)
    {
        _failed |= !committed;
        if (--_open > 0) return false;
        foreach (var (room, cursor) in _held)
        {
            if (_failed)
                cursor.Invalidate();
            else if (_perRoom.TryGetValue(room, out var added))
                cursor.Committed(added.Added, added.LastUser);
        }
        if (_failed)
            foreach (var row in _rows) db.Entry(row).State = EntityState.Detached;
        foreach (var cursor in _held.Values) cursor.Gate.Release();
        return true;
    }
}
