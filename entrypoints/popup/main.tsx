import { render } from 'preact';
import { browserGateway } from '@/components/gateway-browser';
import { App } from './App';

// the report the background read on load is asked for before anything is drawn: the popup's
// first figures wait for that answer, not for the first render
const gateway = browserGateway();
gateway.startCachedRead();
render(<App gateway={gateway} />, document.getElementById('app')!);
