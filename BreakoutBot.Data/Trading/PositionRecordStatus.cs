namespace BreakoutBot.Data.Trading;

/// <summary>Where a managed position is (the positions table's <c>status</c> column, stored as the member's name).</summary>
public enum PositionRecordStatus
{
    /// <summary>The entry order is working.</summary>
    Opening,

    /// <summary>Filled and protected.</summary>
    Open,

    /// <summary>A closing order is working.</summary>
    Closing,

    Closed,

    /// <summary>Found on the venue but not ours: reported, never traded by the engine.</summary>
    External,
}

/// <summary>Questions about a <see cref="PositionRecordStatus"/>.</summary>
public static class PositionRecordStatusExtensions
{
    /// <summary>Ours and not yet closed: the engine manages it.</summary>
    public static bool IsActive(this PositionRecordStatus status) =>
        status is PositionRecordStatus.Opening or PositionRecordStatus.Open or PositionRecordStatus.Closing;
}
