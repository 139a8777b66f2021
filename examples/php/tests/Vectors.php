<?php
declare(strict_types=1);

/** Reads testdata/signature-vectors.json, generated from Toolgate's own signer. */
final class Vectors
{
    public static function all(): array
    {
        $file = __DIR__ . '/../../../testdata/signature-vectors.json';
        return json_decode((string) file_get_contents($file), true, 512, JSON_THROW_ON_ERROR)['vectors'];
    }

    public static function named(string $name): array
    {
        foreach (self::all() as $vector) {
            if ($vector['name'] === $name) {
                return $vector;
            }
        }
        throw new RuntimeException("no vector $name");
    }

    public static function body(array $vector): ?string
    {
        return $vector['body_base64'] === null ? null : base64_decode($vector['body_base64'], true);
    }
}
