namespace Inventory.Devices.Contracts;

public static class PrinterStates
{
    /// <summary>The printer took the whole job.</summary>
    public const string Printed = "printed";

    /// <summary>The printer could not be reached; the gateway keeps the job and tries again.</summary>
    public const string Retrying = "retrying";
}

/// <summary>
/// What a printer (its gateway) publishes on its status topic (not retained), after each attempt at a job:
/// <c>{"state":"printed|retrying","bytes","error","at"}</c>. <see cref="Error"/> is absent when there is none.
/// </summary>
public sealed record PrinterStatusMessage(string State, int Bytes, string? Error, DateTimeOffset At);
