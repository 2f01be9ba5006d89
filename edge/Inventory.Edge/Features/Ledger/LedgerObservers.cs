using Microsoft.Data.Sqlite;

namespace Inventory.Edge.Features.Ledger;

/// <summary>The writer's sessions of every registered <see cref="ILedgerTransactionObserver"/>, called as one.</summary>
internal sealed class LedgerObservers : IDisposable
{
    private readonly ILedgerTransactionSession[] _sessions;

    public LedgerObservers(IEnumerable<ILedgerTransactionObserver> observers, SqliteConnection connection)
    {
        var opened = new List<ILedgerTransactionSession>();
        try
        {
            foreach (var observer in observers)
            {
                opened.Add(observer.Open(connection));
            }
        }
        catch
        {
            opened.ForEach(s => s.Dispose());
            throw;
        }

        _sessions = [.. opened];
    }

    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var session in _sessions)
        {
            session.Enlist(transaction);
        }
    }

    public void BeginCommand()
    {
        foreach (var session in _sessions)
        {
            session.BeginCommand();
        }
    }

    public void Observe(in ChangedLevel level)
    {
        foreach (var session in _sessions)
        {
            session.Observe(level);
        }
    }

    public void RollbackCommand()
    {
        foreach (var session in _sessions)
        {
            session.RollbackCommand();
        }
    }

    public void Committed()
    {
        foreach (var session in _sessions)
        {
            session.Committed();
        }
    }

    public void Discard()
    {
        foreach (var session in _sessions)
        {
            session.Discard();
        }
    }

    public void Dispose()
    {
        foreach (var session in _sessions)
        {
            session.Dispose();
        }
    }
}
