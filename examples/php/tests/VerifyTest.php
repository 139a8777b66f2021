<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Toolgate\SignatureVerificationException;

use function Toolgate\signs_target;
use function Toolgate\verify;

require_once __DIR__ . '/Vectors.php';

final class VerifyTest extends TestCase
{
    public function vectors(): iterable
    {
        foreach (Vectors::all() as $vector) {
            yield $vector['name'] => [$vector];
        }
    }

    /** @dataProvider vectors */
    public function testAgreesWithTheVector(array $v): void
    {
        $this->assertSame($v['body_base64'] === null, signs_target($v['method']));
        try {
            $result = verify($v['secrets'], $v['headers'], Vectors::body($v), $v['method'], $v['target'], $v['scheme'],
                $v['tolerance_seconds'], $v['now']);
            $this->assertSame($v['scheme'], $result['scheme']);
            $outcome = 'valid';
        } catch (SignatureVerificationException $e) {
            $outcome = $e->reason;
        }
        $this->assertSame($v['expect'], $outcome);
    }

    public function testAFailureMessageNeverHoldsTheSecret(): void
    {
        $v = Vectors::named('toolgate/tampered-body');
        try {
            verify($v['secrets'], $v['headers'], Vectors::body($v), now: $v['now']);
            $this->fail('a tampered body verified');
        } catch (SignatureVerificationException $e) {
            $this->assertSame('NO_MATCHING_SIGNATURE', $e->reason);
            $this->assertStringNotContainsString($v['secrets'][0], $e->getMessage());
        }
    }

    public function testTheDefaultToleranceIs300Seconds(): void
    {
        $v = Vectors::named('toolgate/envelope');
        $this->assertSame(0, verify($v['secrets'], $v['headers'], Vectors::body($v), now: $v['now'] + 300)['secret_index']);
        $this->expectExceptionObject(new SignatureVerificationException('TIMESTAMP_TOO_OLD', 'the signed timestamp is 301 s old'));
        verify($v['secrets'], $v['headers'], Vectors::body($v), now: $v['now'] + 301);
    }
}
