using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Inventory.Edge.Infrastructure.Data.Migrations;

/// <summary>
/// A word index of product names beside the trigram one: unicode61 words with a prefix index, so "la"
/// finds "Ladder" anywhere in a name at index speed, and a vocabulary view of its distinct words, from
/// which typo correction picks the words a mistyped one was meant to be.
/// </summary>
public partial class ProductWordSearch : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql("CREATE VIRTUAL TABLE product_words USING fts5(name, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2');");
        migrationBuilder.Sql("CREATE VIRTUAL TABLE product_word_terms USING fts5vocab(product_words, 'row');");
        migrationBuilder.Sql("INSERT INTO product_words (rowid, name) SELECT rowid, name FROM products;");
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
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS products_words_insert;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS products_words_update;");
        migrationBuilder.Sql("DROP TRIGGER IF EXISTS products_words_delete;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS product_word_terms;");
        migrationBuilder.Sql("DROP TABLE IF EXISTS product_words;");
    }
}
