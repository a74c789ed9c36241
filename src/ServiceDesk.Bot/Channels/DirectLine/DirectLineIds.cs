using System.Security.Cryptography;

namespace ServiceDesk.Bot.Channels.DirectLine;

/// <summary>Ids used on the wire: user and room ids (validated), conversation and activity ids (generated).</summary>
public static class DirectLineIds
{
    /// <summary>A user, bot or room id: 1-64 of letters, digits, <c>. _ - @</c> (no <c>:</c>, which separates identities).</summary>
    public static bool IsValidAccountId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 64)
            return false;
        foreach (var c in id)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
                return false;
        }

        return true;
    }

    /// <summary>A new random conversation id (22 url-safe characters).</summary>
    public static string NewConversationId()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>The id of the activity at <paramref name="sequence"/> in <paramref name="room"/>; unique per room log.</summary>
    public static string ActivityId(string room, long sequence) => $"{room}|{sequence:D7}";
}
