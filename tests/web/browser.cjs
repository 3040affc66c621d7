// The browser half of tests/test_web.py: opens the page in Debian's headless Chromium through
// playwright-core (no browser download), then runs the named steps in order on one page and
// prints one JSON line per step: {"step", "ok", "why", "seconds", ...}. On the first failure
// it saves a screenshot and stops.
// Usage: node browser.cjs URL NPM_DIR SCREENSHOT_PREFIX STEP...
"use strict";
const path = require("path");

const [url, npmDir, shotPrefix, ...steps] = process.argv.slice(2);
const { chromium } = require(path.resolve(npmDir, "node_modules", "playwright-core"));
const CHROMIUM = process.env.MENUOS_CHROMIUM || "/usr/bin/chromium";
const PROMPT = "MenuOS>> ";

// What the serial console printed after `from`, once `rx` matches it (or a timeout).
async function waitOutput(page, from, rx, timeoutMs, what) {
	try {
		await page.waitForFunction(([from, src, flags]) =>
			new RegExp(src, flags).test(window.menuos.output.slice(from).replace(/\r/g, "")),
		[from, rx.source, rx.flags], { timeout: timeoutMs, polling: 50 });
	} catch (e) {
		const out = await page.evaluate(() => window.menuos.output);
		throw new Error(`no ${what} within ${timeoutMs / 1000} s; the console ended with:\n` +
			out.slice(-600));
	}
	return (await page.evaluate(() => window.menuos.output)).slice(from).replace(/\r/g, "");
}

// Types a line into the terminal widget as a person would (keyboard events into xterm.js),
// then waits for the next prompt; returns what the command printed.
async function typeLine(page, line, timeoutMs, what) {
	const from = await page.evaluate(() => window.menuos.output.length);
	await page.click("#terminal");
	await page.keyboard.type(line);
	await page.keyboard.press("Enter");
	return waitOutput(page, from, new RegExp(PROMPT), timeoutMs, what || `the prompt after ${line}`);
}

// Every `rx` must appear in the output after `from` (a background server and the foreground
// program print at the same time, so in any order).
async function expectAll(page, from, rxs, timeoutMs, what) {
	for (const rx of rxs)
		await waitOutput(page, from, rx, timeoutMs, `${rx} (${what})`);
	return (await page.evaluate(() => window.menuos.output)).slice(from).replace(/\r/g, "");
}

const STEPS = {
	// the page loads, v86 boots the kernel, the prompt shows in the terminal widget itself
	async boot(page, result) {
		const start = Date.now();
		await page.goto(url);
		await page.waitForFunction((p) => window.menuos && window.menuos.screenText().includes(p),
			PROMPT, { timeout: 45000, polling: 50 }).catch(async () => {
			const shown = await page.evaluate(() =>
				window.menuos ? window.menuos.screenText().trim() : "(no page)");
			throw new Error("no prompt in the terminal within 45 s; it shows:\n" +
				shown.slice(-600));
		});
		result.page_to_prompt_seconds = (Date.now() - start) / 1000;
		result.boot_seconds = await page.evaluate(() => window.menuos.bootSeconds);
		const progress = await page.$$eval("#progress li", (lis) => lis.map((li) => li.className));
		if (progress.some((c) => c !== "done"))
			throw new Error(`boot progress not all done: ${progress}`);
	},
	// replyhi, then hello typed in the terminal: the four lines of the exchange
	async replyhi_hello(page, result) {
		const served = await typeLine(page, "replyhi", 20000);
		if (!/replyhi: serving on 0\.0\.0\.0:5001 \(pid \d+\)/.test(served))
			throw new Error(`replyhi printed ${JSON.stringify(served)}`);
		const from = await page.evaluate(() => window.menuos.output.length);
		await page.keyboard.type("hello");
		await page.keyboard.press("Enter");
		const text = await expectAll(page, from, [
			/send "hello" to 127\.0\.0\.1:5001\n/,
			/recv "hi" from 127\.0\.0\.1:5001\n/,
			/recv "hello" from 127\.0\.0\.1:(\d+)\n/,
			/send "hi" to 127\.0\.0\.1:(\d+)\n/,
			new RegExp(PROMPT),
		], 20000, "hello");
		const saw = text.match(/recv "hello" from 127\.0\.0\.1:(\d+)/)[1];
		const replied = text.match(/send "hi" to 127\.0\.0\.1:(\d+)/)[1];
		if (saw !== replied)
			throw new Error(`replyhi received from port ${saw} but answered port ${replied}`);
		result.output = text;
	},
	// the guided step's button types `strace hello`: its syscalls show up
	async strace_button(page, result) {
		const from = await page.evaluate(() => window.menuos.output.length);
		await page.click('#steps button[data-command="strace hello"]');
		result.output = await expectAll(page, from, [
			/socket\(AF_INET, SOCK_STREAM, IPPROTO_IP\) = 3\n/,
			/connect\(3, \{sa_family=AF_INET, sin_port=htons\(5001\)/,
			/\+\+\+ exited with 0 \+\+\+\n/,
			new RegExp(PROMPT),
		], 20000, "strace hello");
	},
	// quit under v86: "Power down", then the CPU halts and the page says so
	async quit(page, result) {
		const from = await page.evaluate(() => window.menuos.output.length);
		await page.click("#terminal");
		await page.keyboard.type("quit");
		await page.keyboard.press("Enter");
		result.output = await waitOutput(page, from, /Power down\.\nSystem halted\.\n/, 10000,
			"power-off");
		await page.waitForFunction(() => /halted/.test(window.menuos.state), null,
			{ timeout: 10000 }).catch(async () => {
			throw new Error("the page did not show the machine halted: state " +
				JSON.stringify(await page.evaluate(() => window.menuos.state)));
		});
	},
	// reset boots a fresh machine from the kernel already loaded
	async reset(page, result) {
		const boots = await page.evaluate(() => window.menuos.boots);
		await page.click("#reset");
		await page.waitForFunction(([p, boots]) => window.menuos.boots > boots &&
			window.menuos.bootSeconds !== null && window.menuos.screenText().includes(p),
		[PROMPT, boots], { timeout: 45000, polling: 50 });
		if (!/Welcome to MenuOS/.test(await page.evaluate(() => window.menuos.screenText())))
			throw new Error("the terminal shows no fresh boot after reset");
		result.boot_seconds = await page.evaluate(() => window.menuos.bootSeconds);
		const help = await typeLine(page, "version", 10000);
		if (!/MenuOS \S+ \(built/.test(help))
			throw new Error(`version after reset printed ${JSON.stringify(help)}`);
	},
};

async function main() {
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		// root in CI: Chromium's sandbox refuses to run as root
		args: ["--no-sandbox"],
	});
	const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
	const errors = [];
	page.on("pageerror", (e) => errors.push(String(e)));
	// the page must need nothing but its own server
	page.on("request", (r) => {
		const u = new URL(r.url());
		if (/^(https?|wss?):$/.test(u.protocol) && u.origin !== new URL(url).origin)
			errors.push(`the page fetched ${r.url()}`);
	});
	let failed = false;
	for (const step of steps) {
		const result = { step, ok: false };
		const start = Date.now();
		if (failed) {
			result.why = "not run: an earlier step failed";
		} else {
			try {
				await STEPS[step](page, result);
				if (errors.length)
					throw new Error(errors.join("\n"));
				result.ok = true;
			} catch (e) {
				failed = true;
				result.why = e.message;
				result.screenshot = `${shotPrefix}-${step}.png`;
				await page.screenshot({ path: result.screenshot }).catch(() => {});
			}
		}
		result.seconds = (Date.now() - start) / 1000;
		console.log(JSON.stringify(result));
	}
	await browser.close();
}

main().catch((e) => {
	console.log(JSON.stringify({ step: "browser", ok: false, why: String(e.stack || e) }));
	process.exit(1);
});
