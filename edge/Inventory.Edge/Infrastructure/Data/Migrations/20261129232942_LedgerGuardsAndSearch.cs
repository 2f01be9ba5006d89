using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations;

/// <summary>
/// What EF cannot express: the ledger's immutability (the database itself refuses UPDATE and DELETE, so no
/// code path, tool or future bug can rewrite history) and the catalog search indexes, kept in step with
/// products and barcodes by triggers: an FTS5 trigram index over SKU, name and barcodes (substrings), an
/// FTS5 word index of names with a prefix index and its vocabulary (word starts, typo correction), and a
/// NOCASE index on names (name prefixes).
/// </summary>
public partial class LedgerGuardsAndSearch : Migration
{
    private static readonly string[] Triggers =
    [
        "stock_movements_no_update", "stock_movements_no_delete", "products_search_insert", "products_search_update",
        "products_search_delete", "barcodes_search_insert", "barcodes_search_delete",
        "products_words_insert", "products_words_update", "products_words_delete",
    ];

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("""
            CREATE TRIGGER stock_movements_no_update BEFORE UPDATE ON stock_movements
            BEGIN SELECT RAISE(ABORT, 'stock movements are immutable: record a correcting movement instead'); END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER stock_movements_no_delete BEFORE DELETE ON stock_movements
            BEGIN SELECT RAISE(ABORT, 'stock movements are immutable: record a correcting movement instead'); END;
            """);

        // rowid ties a search row to its product row. products has no INTEGER PRIMARY KEY, so a VACUUM may
        // renumber rowids: after one, the index must be rebuilt from products and product_barcodes.
        migrationBuilder.Sql("CREATE VIRTUAL TABLE product_search USING fts5(sku, name, barcodes, tokenize = 'trigram');");
        migrationBuilder.Sql("""
            CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
                INSERT INTO product_search (rowid, sku, name, barcodes) VALUES (new.rowid, new.sku, new.name, '');
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER products_search_update AFTER UPDATE OF sku, name ON products BEGIN
                UPDATE product_search SET sku = new.sku, name = new.name WHERE rowid = new.rowid;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
                DELETE FROM product_search WHERE rowid = old.rowid;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER barcodes_search_insert AFTER INSERT ON product_barcodes BEGIN
                UPDATE product_search
                SET barcodes = (SELECT coalesce(group_concat(code, ' '), '') FROM product_barcodes WHERE product_id = new.product_id)
                WHERE rowid = (SELECT rowid FROM products WHERE id = new.product_id);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER barcodes_search_delete AFTER DELETE ON product_barcodes BEGIN
                UPDATE product_search
                SET barcodes = (SELECT coalesce(group_concat(code, ' '), '') FROM product_barcodes WHERE product_id = old.product_id)
                WHERE rowid = (SELECT rowid FROM products WHERE id = old.product_id);
            END;
            """);

        migrationBuilder.Sql("CREATE INDEX ix_products_name_nocase ON products (name COLLATE NOCASE);");
        migrationBuilder.Sql("CREATE VIRTUAL TABLE product_words USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');");
        migrationBuilder.Sql("CREATE VIRTUAL TABLE product_word_terms USING fts5vocab(product_words, 'row');");
        migrationBuilder.Sql("""
            CREATE TRIGGER products_words_insert AFTER INSERT ON products BEGIN
                INSERT INTO product_words (rowid, name) VALUES (new.rowid, new.name);
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER products_words_update AFTER UPDATE OF name ON products BEGIN
                UPDATE product_words SET name = new.name WHERE rowid = new.rowid;
            END;
            """);
        migrationBuilder.Sql("""
            CREATE TRIGGER products_words_delete AFTER DELETE ON products BEGIN
                DELETE FROM product_words WHERE rowid = old.rowid;
            END;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var trigger in Triggers)
        {
            migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
        }

        migrationBuilder.Sql("DROP TABLE IF EXISTS product_word_terms;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS product_words;");
        migrationBuilder.Sql("DROP INDEX IF EXISTS ix_products_name_nocase;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS product_search;");
    }
}
