<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

use function Toolgate\Example\handle;

require_once __DIR__ . '/Vectors.php';

final class EndpointTest extends TestCase
{
    private const TOKEN = 'tok_example_123';

    private static function call(array $v, ?string $authorization = 'Bearer ' . self::TOKEN): array
    {
        $headers = $v['headers'];
        if ($authorization !== null) {
            $headers['Authorization'] = $authorization;
        }
        $config = ['scheme' => $v['scheme'], 'secrets' => $v['secrets'], 'bearer_token' => self::TOKEN, 'now' => $v['now']];
        return handle($v['method'], $v['target'], $headers, Vectors::body($v) ?? '', $config);
    }

    public function testAnEnvelopePostGetsTheOrderWithAHint(): void
    {
        [$status, $reply] = self::call(Vectors::named('toolgate/envelope'));
        $this->assertSame(200, $status);
        $this->assertSame('shipped', $reply['status']);
        $this->assertStringContainsString('A-1001 is shipped', $reply['hint']);
    }

    public function testArgumentsModeReadsTheQueryOfAGetAndTheBodyOfAPut(): void
    {
        foreach (['toolgate/bodyless-get', 'toolgate/trailing-newline'] as $name) {
            [$status, $reply] = self::call(Vectors::named($name));
            $this->assertSame([200, 'A-1001'], [$status, $reply['order_id'] ?? null], $name);
        }
    }

    public function testTheStandardWebhooksSchemeIsVerifiedToo(): void
    {
        $this->assertSame(200, self::call(Vectors::named('standard-webhooks/envelope'))[0]);
    }

    public function testATamperedBodyAWrongTokenOrNoTokenGet401WithAnErrorAndAHint(): void
    {
        foreach ([self::call(Vectors::named('toolgate/tampered-body')),
                  self::call(Vectors::named('toolgate/envelope'), 'Bearer wrong'),
                  self::call(Vectors::named('toolgate/envelope'), null)] as [$status, $reply]) {
            $this->assertSame(401, $status);
            $this->assertSame(['error', 'hint'], array_keys($reply));
        }
    }

    public function testABodyThatIsNotAJsonObjectGets400WithAHint(): void
    {
        [$status, $reply] = self::call(Vectors::named('toolgate/empty-body'));
        $this->assertSame(400, $status);
        $this->assertNotEmpty($reply['hint']);
    }

    /** Runs server.php under PHP's built-in server on loopback and sends it freshly signed requests. */
    public function testTheBuiltInServerAnswersARealRequestAndRefusesATamperedCopy(): void
    {
        $secret = 'tgsec_' . bin2hex(random_bytes(16));
        $probe = stream_socket_server('tcp://127.0.0.1:0');
        $port = (int) substr(strrchr(stream_socket_get_name($probe, false), ':'), 1);
        fclose($probe);
        $env = ['TOOLGATE_SIGNING_SECRETS' => $secret, 'TOOLGATE_BEARER_TOKEN' => self::TOKEN, 'PATH' => getenv('PATH')];
        $server = proc_open([PHP_BINARY, '-S', "127.0.0.1:$port", __DIR__ . '/../server.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, $env);
        try {
            $this->awaitPort($port);
            $body = '{"tool":"lookup_order","arguments":{"order_id":"A-1001"},"invocation_id":"inv_1"}';
            $timestamp = time();
            $signature = "t=$timestamp,v1=" . hash_hmac('sha256', "$timestamp.$body", $secret);

            [$status, $reply] = $this->post($port, $body, $signature);
            $this->assertSame(200, $status);
            $this->assertStringContainsString('shipped', $reply['hint']);
            [$status, $reply] = $this->post($port, str_replace('A-1001', 'A-1002', $body), $signature);
            $this->assertSame([401, 'Unauthorized'], [$status, $reply['error']]);
        } finally {
            proc_terminate($server);
            proc_close($server);
        }
    }

    private function awaitPort(int $port): void
    {
        for ($i = 0; $i < 100; $i++) {
            $socket = @stream_socket_client("tcp://127.0.0.1:$port", $errno, $error, 0.1);
            if ($socket !== false) {
                fclose($socket);
                return;
            }
            usleep(50_000);
        }
        $this->fail("php -S did not listen on $port");
    }

    private function post(int $port, string $body, string $signature): array
    {
        $context = stream_context_create(['http' => ['method' => 'POST', 'ignore_errors' => true, 'timeout' => 5,
            'header' => "Content-Type: application/json\r\nAuthorization: Bearer " . self::TOKEN
                . "\r\nX-Toolgate-Signature: $signature\r\n", 'content' => $body]]);
        $text = file_get_contents("http://127.0.0.1:$port/v1/orders", false, $context);
        preg_match('/^HTTP\/\S+ (\d{3})/', $http_response_header[0], $match);
        return [(int) $match[1], json_decode($text, true)];
    }
}
